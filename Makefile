# vigil - the two commands a newcomer needs are `make demo` and `make test`; both install what
# they need first (scripts/install-deps.sh, apt-get as root or with sudo).
#
#   make                 host build: build/host/vigil (normal Swift, for development)
#   make firmware        static aarch64 firmware: build/aarch64/vigil (ARCH=x86_64 for the x86 board)
#   make unit-test       swift test (Swift Testing) on the host; scripts/check-overlay.sh (rootfs-overlay/)
#   make selftest        the firmware's built-in checks under qemu-aarch64-static
#   make image           the emulated board's kernel + initramfs (BOARD=qemu-aarch64|qemu-x86_64;
#                        FIRMWARE=PATH: that executable as /usr/bin/vigil, no firmware build)
#   make qemu-test       scripts/qemu-test.sh: boot BOARD with a fresh flash disk and SCENE (a fall clip) and
#                        run the on-target tests (Tests/target); open the clips vigil run recorded there
#                        with two reviewer keys and check the people are pixelated; then a power cut
#   make test            all of the above, both boards
#   make eval            score fall detection on ../shared/data (gmdcsa24) with `vigil replay`
#   make face-agreement  vigil's face detector against OpenCV's CascadeClassifier on ../shared/data/faces
#   make redaction-coverage  `vigil redact` on annotated face photos: faces covered, faces OpenCV still finds
#   make redaction-video `vigil redact` on carphone and vtest: every face OpenCV finds on a raw frame covered
#   make bench-faces     full-frame face detection time per cascade at 640x480, vigil and OpenCV
#   make cascades        convert OpenCV's cascades (opencv-data) to C tables; the builds do it first
#   make bench           time the analysis per stage at 640x480 and 1280x720, allocations/frame, peak RSS;
#                        then clip writing (seal + write + fsync), MB/s and µs/frame; redaction per
#                        frame on vtest and a fall clip; full-frame face detection per cascade; then
#                        `vigil run` on fall clips (capture to ring, ms/frame, peak RSS), host build and
#                        the unit's static executable (x86_64 firmware)
#   make bench-board     vigil run on the emulated aarch64 board for 60 s: sustained rate, drops, CPU share
#   make bench-peers     the same 640x480 frames through OpenCV's MOG2 pipeline too, and the ratio;
#                        face detection against OpenCV's detectMultiScale (bench-faces)
#   make fuzz            the clip, Y4M and configuration parsers under libFuzzer, FUZZ_SECONDS each (default 60)
#   make demo            the unit on the emulated aarch64 board: vigil's own scene (a person walks in and
#                        falls) through vivid, events and lights live, the clip opened with two demo keys
#   make shell           boot BOARD interactively (leave with `poweroff -f`)

ARCH  ?= aarch64
BOARD ?= qemu-aarch64
BOARD_ARCH = $(if $(findstring x86_64,$(BOARD)),x86_64,aarch64)

.PHONY: fuzz bench bench-board bench-peers bench-build bench-faces eval face-agreement redaction-coverage redaction-video cascades all host deps firmware firmware-all unit-test selftest image qemu-test qemu-test-all test demo shell clean FORCE

all: host

# The face cascades are third-party data: converted from Debian's opencv-data into a git-ignored
# C header at every build (written only when it changes), never committed.
cascades:
	python3 scripts/convert-cascades.py Sources/CCascades/generated/cascade_tables.h

host: cascades
	swift build -c release --product vigil
	mkdir -p build/host && cp "$$(swift build -c release --show-bin-path)/vigil" build/host/vigil
	@echo "host build: build/host/vigil ($$(stat -c %s build/host/vigil) bytes, dynamically linked)"

deps:
	scripts/install-deps.sh

firmware: cascades
	scripts/build-firmware.sh $(ARCH)

firmware-all: cascades
	scripts/build-firmware.sh aarch64
	scripts/build-firmware.sh x86_64

unit-test: cascades
	swift test
	scripts/check-overlay.sh

selftest: cascades
	scripts/build-firmware.sh aarch64
	qemu-aarch64-static build/aarch64/vigil selftest

# FIRMWARE (exported to build-image.sh) replaces the firmware build
image: $(if $(FIRMWARE),,cascades)
	$(if $(FIRMWARE),,scripts/build-firmware.sh $(BOARD_ARCH))
	board/emulated/build-image.sh $(BOARD)

# The looped camera's scene for the end-to-end tests: a 640x480 fall clip, decoded once at the
# loop's 30 fps (123 MB) into build/scenes/.
SCENE ?= ../shared/data/fall/gmdcsa24/S4_Fall_03.mp4
SCENE_YUYV = build/scenes/$(basename $(notdir $(SCENE)))-30fps.yuyv

$(SCENE_YUYV): $(SCENE) scripts/scene-to-yuyv.sh
	scripts/scene-to-yuyv.sh $< $@ 30

qemu-test: image $(SCENE_YUYV)
	scripts/qemu-test.sh $(BOARD) $(SCENE_YUYV)

# the shell's flash disk is kept from one shell to the next
shell: image
	[ -f build/flash/$(BOARD)-shell.img ] || board/emulated/make-flash.sh build/flash/$(BOARD)-shell.img 64
	FLASH=build/flash/$(BOARD)-shell.img board/emulated/boot.sh $(BOARD)

test: deps
	scripts/run-all-tests.sh

demo: deps
	$(MAKE) image BOARD=qemu-aarch64
	board/emulated/demo/demo.sh

eval: deps host
	python3 scripts/eval-falls.py build/host/vigil

face-agreement: deps host
	python3 scripts/face-agreement.py build/host/vigil

redaction-coverage: deps host
	python3 scripts/redaction-coverage.py build/host/vigil

# VIDEO_CLIPS="--clips carphone" checks only the clip that is required (make test does).
redaction-video: deps host
	python3 scripts/redaction-video.py build/host/vigil $(VIDEO_CLIPS)

# Benchmarks print figures and never fail on them; they are not part of `make test`.
# BENCH_SCRATCH=.build-bench builds beside another build instead of waiting for its lock.
BENCH_SCRATCH ?= .build
BENCH_CLIPS = ../shared/data/fall/gmdcsa24
# The whole per-frame path of `vigil run`, on the host build and on the unit's own static executable (x86_64 firmware):
# every 1280x720 clip of the footage (the target's size), and one at 640x480
BENCH_UNIT_CLIPS = $(addprefix $(BENCH_CLIPS)/,S1_ADL_10.mp4 S1_ADL_16.mp4 S3_ADL_07.mp4 S3_ADL_15.mp4 S3_Fall_01.mp4 S3_Fall_15.mp4 S3_Fall_16.mp4 S4_Fall_03.mp4)
DECODE_Y4M = mkdir -p build/bench && ffmpeg -nostdin -loglevel error -y -i $< -f yuv4mpegpipe -pix_fmt gray $@.part && mv $@.part $@

bench: deps bench-build host build/bench/640x480.y4m build/bench/1280x720.y4m
	build/bench/vigil-bench build/bench/640x480.y4m
	build/bench/vigil-bench build/bench/1280x720.y4m
	python3 scripts/bench-redaction.py build/host/vigil
	python3 scripts/bench-faces.py --vigil-only build/host/vigil
	python3 scripts/bench-unit.py build/host/vigil $(BENCH_UNIT_CLIPS)
	scripts/build-firmware.sh x86_64
	python3 scripts/bench-unit.py build/x86_64/vigil $(BENCH_UNIT_CLIPS)

bench-peers: deps bench-build host build/bench/640x480.y4m
	python3 scripts/bench-peers.py build/bench/vigil-bench build/bench/640x480.y4m
	python3 scripts/bench-faces.py build/host/vigil

# vigil run on the emulated aarch64 board's webcam node for 60 s: sustained rate, drops, CPU share
bench-board: deps
	$(MAKE) image BOARD=qemu-aarch64
	rm -rf build/payload/bench && mkdir -p build/payload/bench
	cp board/emulated/bench/run.sh build/payload/bench/run.sh
	GUEST_TIMEOUT=240 board/emulated/boot.sh qemu-aarch64 build/payload/bench
	cat build/payload/bench/out/bench.txt

bench-faces: deps host
	python3 scripts/bench-faces.py build/host/vigil

bench-build: cascades
	swift build -c release --scratch-path $(BENCH_SCRATCH) --product vigil-bench
	mkdir -p build/bench && cp "$$(swift build -c release --scratch-path $(BENCH_SCRATCH) --show-bin-path)/vigil-bench" build/bench/

build/bench/640x480.y4m: $(BENCH_CLIPS)/S4_ADL_19.mp4
	$(DECODE_Y4M)

build/bench/1280x720.y4m: $(BENCH_CLIPS)/S1_ADL_10.mp4
	$(DECODE_Y4M)

# libFuzzer (host build, `swift build --sanitize=fuzzer`, its own scratch path): each parser for
# FUZZ_SECONDS, starting from the seeds in fuzz/corpus/NAME; new inputs it finds go to
# build/fuzz/NAME, a crash or hang to build/fuzz/crash-* and fails the target.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = clip y4m config
fuzz: cascades
	@for name in $(FUZZ_TARGETS); do \
		VIGIL_FUZZ=1 swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --product fuzz-$$name || exit 1; \
	done
	@bin="$$(VIGIL_FUZZ=1 swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --show-bin-path)"; \
	for name in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/$$name; \
		echo "fuzz-$$name: $(FUZZ_SECONDS) s from fuzz/corpus/$$name (log build/fuzz/$$name.log)"; \
		if "$$bin/fuzz-$$name" -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=build/fuzz/crash-$$name- build/fuzz/$$name fuzz/corpus/$$name > build/fuzz/$$name.log 2>&1; then \
			grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' build/fuzz/$$name.log; \
		else \
			tail -40 build/fuzz/$$name.log; echo "fuzz-$$name failed: the input is in build/fuzz/crash-$$name-*" >&2; exit 1; \
		fi; \
	done

clean:
	rm -rf build .build .build-fuzz
