#!/bin/bash
# build-image.sh BOARD - assemble the emulated board's image in build/image/BOARD/:
#   kernel               Debian's kernel (x86_64: the unpacked vmlinux, PVH boot)
#   initramfs.cpio.gz    busybox + kernel modules (vivid, gpio-sim, 9p, ...) + test
#                        tools (gpiod, v4l2-ctl), dropbear + rootfs-overlay/ + board/emulated/overlay/
#                        + the firmware as /usr/bin/vigil
# BOARD: qemu-aarch64 | qemu-x86_64 (board/BOARD/board.conf).
# Env: FIRMWARE   static executable to install as /usr/bin/vigil (default build/ARCH/vigil)
#      VIGIL_CACHE cache root (default ~/.cache/vigil); downloads and the gpio-sim
#                 build go to VIGIL_CACHE/board/ARCH/, Debian's source to board/src/
#      REFRESH=1  look up again which kernel linux-image-DEBARCH points to
# Only Debian packages are used, fetched with apt-get download (no root needed).
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $0 BOARD   (boards: $(boards))"
load_board "$1"

# programs in the image (paths in the debs), and the packages holding them and their libraries:
# the test tools, and the SSH server a busybox image of the product ships (dropbear; dbclient
# is for the tests)
TOOLS=(usr/bin/v4l2-ctl usr/bin/gpiodetect usr/bin/gpioinfo usr/bin/gpioget usr/bin/gpioset
	usr/bin/gpiomon usr/bin/gpiofind usr/sbin/dropbear usr/bin/dropbearkey usr/bin/dbclient)
TOOL_DEBS=(v4l-utils libv4l-0 libv4lconvert0 libjpeg62-turbo
	gpiod libgpiod2 libc6 libstdc++6 libgcc-s1
	dropbear-bin libcrypt1 libtomcrypt1 libtommath1 libgmp10 zlib1g)
HOSTARCH=$(dpkg --print-architecture)

# ------------------------------------------------------------ checks
CC_PKG=gcc
[ -z "$CROSS_COMPILE" ] || CC_PKG=gcc-$(echo "${CROSS_COMPILE%-}" | tr _ -)   # gcc-aarch64-linux-gnu
need_tools apt-get:apt dpkg-deb:dpkg make:make "${CROSS_COMPILE}gcc:$CC_PKG" \
	cpio:cpio gzip:gzip xz:xz-utils zstd:zstd depmod:kmod modprobe:kmod readelf:binutils flock:util-linux
if [ "$DEBARCH" != "$HOSTARCH" ] && ! dpkg --print-foreign-architectures | grep -qx "$DEBARCH"; then
	die "Debian architecture $DEBARCH not enabled: run scripts/install-deps.sh or: dpkg --add-architecture $DEBARCH && apt-get update"
fi

FIRMWARE=${FIRMWARE:-$REPO/build/$ARCH/vigil}
FW_NAME=${FIRMWARE#"$REPO"/}
[ -f "$FIRMWARE" ] || die "$FW_NAME missing: run make firmware ARCH=$ARCH"
readelf -h "$FIRMWARE" 2>/dev/null | grep -q "Machine: *$ELF_MACHINE\$" ||
	die "$FW_NAME is not an $ARCH executable (readelf -h): run make firmware ARCH=$ARCH"
# the board has no dynamic loader for the product: it runs static executables
if readelf -l "$FIRMWARE" | grep -q 'program interpreter'; then
	die "$FW_NAME is dynamically linked: the board needs a static executable (make firmware ARCH=$ARCH)"
fi

# ------------------------------------------------------------ cache helpers
# A cache directory holds a .stamp naming what it was made from; a different
# (or no) stamp means: make it again from scratch.
fresh() { [ "$(cat "$1/.stamp" 2>/dev/null)" = "$2" ]; }
stamp() { echo "$2" > "$1/.stamp"; }

download() {   # download DIR PKG... - apt-get download into a fresh DIR
	local dir=$1; shift
	rm -rf "$dir"; mkdir -p "$dir"
	(cd "$dir" && apt-get download "$@") > "$dir/download.log" 2>&1 || {
		cat "$dir/download.log" >&2
		die "apt-get download failed: run apt-get update (the versions may have left the archive: REFRESH=1)"
	}
}

# ------------------------------------------------------------ kernel version
# Follow what the linux-image-DEBARCH meta package depends on (old ABIs leave
# the archive) and keep the answer, so that later runs use the cached debs.
resolve_kernel() {
	local vf=$CACHE/kernel-version
	if [ "${REFRESH:-0}" = 1 ] || [ ! -s "$vf" ]; then
		local abi ver
		abi=$(apt-cache depends "linux-image-$DEBARCH:$DEBARCH" 2>/dev/null |
			sed -n 's/^ *Depends: linux-image-\([0-9][^: ]*\).*/\1/p' | head -1)
		[ -n "$abi" ] || die "apt-cache does not know linux-image-$DEBARCH:$DEBARCH: run apt-get update"
		ver=$(apt-cache policy "linux-image-$abi:$DEBARCH" | sed -n 's/^ *Candidate: //p')
		mkdir -p "$CACHE"
		printf 'KABI=%s\nKVER=%s\n' "$abi" "$ver" > "$vf"
	fi
	# shellcheck source=/dev/null
	. "$vf"
	KSERIES=$(echo "$KABI" | cut -d. -f1,2)   # 6.1.0-56-arm64 -> 6.1
	say "kernel $KABI ($KVER)"
}

# ------------------------------------------------------------ target debs
fetch_debs() {
	# kernel, headers (+ -common, + the host's kbuild tools), all of the same
	# version; busybox and the test tools as the archive has them
	local pkgs=("linux-image-$KABI:$DEBARCH=$KVER" "linux-headers-$KABI:$DEBARCH=$KVER"
		"linux-headers-${KABI%-*}-common=$KVER" "linux-kbuild-$KSERIES:$HOSTARCH=$KVER"
		"busybox-static:$DEBARCH" "${TOOL_DEBS[@]/%/:$DEBARCH}")
	fresh "$CACHE/debs" "${pkgs[*]}" && return
	say "downloading the $DEBARCH kernel, headers, busybox and test tools"
	download "$CACHE/debs" "${pkgs[@]}"
	stamp "$CACHE/debs" "${pkgs[*]}"
}

extract_debs() {
	ROOT=$CACHE/root
	local key; key=$(cat "$CACHE/debs/.stamp")
	fresh "$ROOT" "$key" && return
	say "unpacking the debs"
	rm -rf "$ROOT"; mkdir -p "$ROOT"
	local f
	for f in "$CACHE"/debs/*.deb; do dpkg -x "$f" "$ROOT"; done
	# the headers' Makefile includes the -common tree by its installed path
	sed -i "s|^include /usr/src/|include $ROOT/usr/src/|" "$ROOT/usr/src/linux-headers-$KABI/Makefile"
	stamp "$ROOT" "$key"
}

# ------------------------------------------------------------ gpio-sim.ko
# Debian's kernels build neither gpio-sim nor the irq_sim it needs: take both
# from linux-source (same version; shared by the architectures) and build them
# out of tree as one module.
fetch_gpio_sim_source() {
	GSRC=$CACHE_TOP/src/linux-$KVER
	# shared by the architectures: one download at a time (make -j)
	exec 8> "$CACHE_TOP/src.lock"
	flock 8
	fresh "$GSRC" "$KVER" && return
	say "downloading linux-source-$KSERIES $KVER (~140 MB) for gpio-sim.c"
	download "$GSRC" "linux-source-$KSERIES=$KVER"
	dpkg-deb --fsys-tarfile "$GSRC"/linux-source-*.deb |
		tar -xO "./usr/src/linux-source-$KSERIES.tar.xz" | xz -dc |
		tar -x -C "$GSRC" --strip-components=1 --wildcards \
			'*/drivers/gpio/gpio-sim.c' '*/drivers/gpio/gpiolib.h' '*/kernel/irq/irq_sim.c'
	rm -f "$GSRC"/linux-source-*.deb
	stamp "$GSRC" "$KVER"
}

build_gpio_sim() {
	local B=$CACHE/gpio-sim
	GPIO_SIM_KO=$B/gpio-sim.ko
	if ! fresh "$B" "$KABI $KVER"; then
		say "building gpio-sim.ko"
		rm -rf "$B"; mkdir -p "$B"
		cp "$GSRC/drivers/gpio/gpio-sim.c" "$B/gpio-sim-main.c"
		cp "$GSRC/drivers/gpio/gpiolib.h" "$GSRC/kernel/irq/irq_sim.c" "$B/"
		# irq_to_desc() is not exported to modules; generic_handle_irq() is
		sed -i 's/handle_simple_irq(irq_to_desc(irqnum));/generic_handle_irq(irqnum);/' "$B/irq_sim.c"
		grep -q 'generic_handle_irq(irqnum)' "$B/irq_sim.c" ||
			die "irq_sim.c of linux-source $KVER changed: adapt the irq_to_desc fix in $0"
		printf 'obj-m := gpio-sim.o\ngpio-sim-y := gpio-sim-main.o irq_sim.o\n' > "$B/Kbuild"
		make -C "$ROOT/usr/src/linux-headers-$KABI" M="$B" ARCH="$KERNEL_ARCH" \
			CROSS_COMPILE="$CROSS_COMPILE" modules > "$B/build.log" 2>&1 ||
			{ cat "$B/build.log" >&2; die "gpio-sim.ko build failed (log: $B/build.log)"; }
		stamp "$B" "$KABI $KVER"
	fi
	# next to Debian's modules, so that modprobe/depmod treat it like them
	local dst=$ROOT/lib/modules/$KABI/extra/gpio-sim.ko
	if ! cmp -s "$GPIO_SIM_KO" "$dst"; then
		mkdir -p "${dst%/*}"; cp "$GPIO_SIM_KO" "$dst"
		depmod -b "$ROOT" "$KABI"
	fi
}

# ------------------------------------------------------------ kernel
unpack_vmlinux() {   # bzImage -> the ELF vmlinux inside it (XZ in 6.1, ZSTD later)
	local k=$1 out=$2 off
	off=$({ LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$k" || true; } | head -1 | cut -d: -f1)
	if [ -n "$off" ]; then   # xz stops at the end of its stream: tail may see SIGPIPE
		{ tail -c +$((off + 1)) "$k" || true; } | xz -dc --single-stream > "$out" 2>/dev/null || true
	else
		off=$({ LC_ALL=C grep -obUaP '\x28\xb5\x2f\xfd' "$k" || true; } | head -1 | cut -d: -f1)
		[ -n "$off" ] || die "no XZ or ZSTD payload in $k"
		# the payload is followed by its size, which zstd reports as an error
		{ tail -c +$((off + 1)) "$k" || true; } | zstd -dcq > "$out" 2>/dev/null || true
	fi
	[ "$(head -c 4 "$out" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] || die "could not unpack vmlinux from $k"
}

install_kernel() {
	local k=$ROOT/boot/vmlinuz-$KABI
	if [ "$KERNEL_FORMAT" = vmlinux ]; then
		if [ ! -s "$ROOT/boot/vmlinux-$KABI" ]; then
			unpack_vmlinux "$k" "$ROOT/boot/vmlinux.tmp"
			mv "$ROOT/boot/vmlinux.tmp" "$ROOT/boot/vmlinux-$KABI"
		fi
		k=$ROOT/boot/vmlinux-$KABI
	fi
	cmp -s "$k" "$IMAGE_DIR/kernel" || cp "$k" "$IMAGE_DIR/kernel"
}

# ------------------------------------------------------------ initramfs
copy_elf() {   # copy_elf FILE - FILE of $ROOT into $R, with the shared libraries it needs
	local todo=$ROOT/$1 next e lib d p
	cp -L "$ROOT/$1" "$R/$1"
	while [ -n "$todo" ]; do
		next=
		for e in $todo; do
			for lib in $(readelf -d "$e" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
				[ -e "$R/lib/$TRIPLET/$lib" ] && continue
				p=
				for d in lib/$TRIPLET usr/lib/$TRIPLET; do
					if [ -e "$ROOT/$d/$lib" ]; then p=$ROOT/$d/$lib; break; fi
				done
				[ -n "$p" ] || die "$lib (needed by $1) is in none of the downloaded debs: add its package to TOOL_DEBS in $0"
				cp -L "$p" "$R/lib/$TRIPLET/$lib"; next="$next $p"
			done
		done
		todo=$next
	done
}

install_modules() {
	local md=lib/modules/$KABI m ko rel
	# the names in the guest's /etc/modules, with what they depend on
	for m in $(awk '$1 !~ /^(#|$)/ { print $1 }' "$REPO/board/emulated/overlay/etc/modules"); do
		modprobe -d "$ROOT" -S "$KABI" --show-depends "$m" ||
			die "kernel module $m (board/emulated/overlay/etc/modules) not found in $KABI"
	done | awk '$1 == "insmod" { print $2 }' | sort -u | while read -r ko; do
		rel=${ko#"$ROOT"/}
		mkdir -p "$R/${rel%/*}"
		case "$ko" in   # busybox modprobe wants them uncompressed (Debian 6.1: plain .ko)
		*.ko.xz)  xz -dc "$ko" > "$R/${rel%.xz}" ;;
		*.ko.zst) zstd -qdc "$ko" > "$R/${rel%.zst}" ;;
		*)        cp "$ko" "$R/$rel" ;;
		esac
	done
	cp "$ROOT/$md"/modules.{order,builtin,builtin.modinfo} "$R/$md/"
	depmod -b "$R" "$KABI"
}

build_initramfs() {
	R=$IMAGE_DIR/rootfs
	rm -rf "$R"
	mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,etc,lib/"$TRIPLET",proc,sys,dev,tmp,run,mnt/host}
	# busybox as init and shell; its other applet links are made at boot
	cp "$ROOT/bin/busybox" "$R/bin/busybox"
	ln -s busybox "$R/bin/sh"
	ln -s ../bin/busybox "$R/sbin/init"
	ln -s sbin/init "$R/init"
	install_modules
	local t interp
	for t in "${TOOLS[@]}"; do copy_elf "$t"; done
	# the dynamic loader; without ld.so.cache it searches the multiarch dirs
	interp=$(readelf -l "$ROOT/usr/bin/gpioset" | sed -n 's/.*interpreter: \(.*\)\]/\1/p')
	cp -L "$ROOT$interp" "$R/lib/$TRIPLET/${interp##*/}"
	[ -e "$R$interp" ] || { mkdir -p "$R${interp%/*}"; ln -s "/lib/$TRIPLET/${interp##*/}" "$R$interp"; }
	# the product's files, then the emulated board's (init scripts), then vigil
	if [ -d "$REPO/rootfs-overlay" ]; then cp -a "$REPO/rootfs-overlay/." "$R/"; fi
	cp -a "$REPO/board/emulated/overlay/." "$R/"
	install -m 755 "$FIRMWARE" "$R/usr/bin/vigil"
	(cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -1 \
		> "$IMAGE_DIR/initramfs.cpio.gz.tmp"
	mv "$IMAGE_DIR/initramfs.cpio.gz.tmp" "$IMAGE_DIR/initramfs.cpio.gz"
}

mkdir -p "$CACHE" "$IMAGE_DIR"
# one build per architecture at a time (make -j): they share CACHE and IMAGE_DIR
exec 9> "$CACHE/.lock"
flock 9
resolve_kernel
fetch_debs
extract_debs
fetch_gpio_sim_source
build_gpio_sim
install_kernel
build_initramfs
say "$BOARD image: $IMAGE_DIR/kernel, initramfs.cpio.gz ($(du -h "$IMAGE_DIR/initramfs.cpio.gz" | cut -f1)), vigil from $FW_NAME"
