#!/usr/bin/env python3
"""Converts OpenCV's face cascades (Debian's opencv-data package) into integer C tables that the
build compiles into vigil: no model file at run time, and no third-party data in the repository.

Usage: convert-cascades.py OUTPUT.h

Fixed point, chosen so the integer detector decides as OpenCV's float code does:
- Haar node thresholds: Q48 (value * 2^48, int64), within -1..1. The detector compares squares:
  feature^2 * 2^64 with threshold^2 (Q64) * nf as 128-bit products, so no precision is lost.
- Leaf values and stage thresholds: Q32 (int64). OpenCV sums float leaves in double and compares
  with the float stage threshold less 1e-5 (its THRESHOLD_EPS); both are first rounded to float32
  here, as OpenCV reads them, so the sums differ from OpenCV's by less than 2^-26 per stage.
- Haar rectangle weights are small integers in these cascades (-1, 2, 3); a fractional weight is refused.
The output is written only when its content changes, so an unchanged conversion rebuilds nothing.
A cascade that cannot be converted stops with a message naming the file and what is wrong.
"""
import os, struct, sys
import xml.etree.ElementTree as ET

OPENCV_DATA = "/usr/share/opencv4"
# name (what `vigil faces --cascade` takes), file under OPENCV_DATA
CASCADES = [
    ("haarcascade_frontalface_default", "haarcascades/haarcascade_frontalface_default.xml"),
    ("haarcascade_frontalface_alt2", "haarcascades/haarcascade_frontalface_alt2.xml"),
    ("haarcascade_profileface", "haarcascades/haarcascade_profileface.xml"),
    ("lbpcascade_frontalface_improved", "lbpcascades/lbpcascade_frontalface_improved.xml"),
]
THRESHOLD_EPS = 1e-5  # OpenCV's CascadeClassifierImpl::Data::read subtracts it (as float) from each stage threshold
LEAF_SHIFT = 32
NODE_SHIFT = 48
# The detector's 64-bit arithmetic holds for these bounds (see HaarWindowEvaluator).
MAX_NODE_THRESHOLD = 1  # its square in Q64 must fit 64 bits
MAX_LEAF = 1 << 20
MAX_HAAR_FEATURE = 1 << 31  # |sum of weight * rectangle sum| at 255 everywhere: its square fits 64 bits


class ConversionError(Exception):
    pass


def float32(value):
    return struct.unpack("f", struct.pack("f", value))[0]


def fixed(value, shift):
    return int(round(value * (1 << shift)))


def numbers(element, what, convert=float):
    if element is None or element.text is None:
        raise ConversionError(f"{what} is missing")
    try:
        return [convert(token) for token in element.text.split()]
    except ValueError:
        raise ConversionError(f"{what} is not a list of numbers: {element.text.strip()[:60]!r}")


def integer(element, what):
    values = numbers(element, what, int)
    if len(values) != 1:
        raise ConversionError(f"{what} should be one integer")
    return values[0]


def licence_comment(path):
    """The comment before the cascade: its licence, which the binary carries along with the tables."""
    with open(path, encoding="utf-8", errors="replace") as file:
        text = file.read(8192)
    start, end = text.find("<!--"), text.find("-->")
    if start < 0 or end < start:
        raise ConversionError("it has no licence comment at the top")
    return text[start + 4:end].strip("\n")


def read_cascade(path):
    root = ET.parse(path).getroot()
    cascade = root.find("cascade")
    if cascade is None:
        raise ConversionError("no <cascade> element: the old pre-2.4 format is not supported")
    if (cascade.findtext("stageType") or "").strip() != "BOOST":
        raise ConversionError("stageType is not BOOST")
    kind = (cascade.findtext("featureType") or "").strip()
    if kind not in ("HAAR", "LBP"):
        raise ConversionError(f"featureType {kind!r} is not HAAR or LBP")
    width = integer(cascade.find("width"), "width")
    height = integer(cascade.find("height"), "height")
    if not (4 <= width <= 127 and 4 <= height <= 127):
        raise ConversionError(f"window {width}x{height} is outside 4..127 (features are stored as int8)")
    categories = integer(cascade.find("featureParams/maxCatCount"), "featureParams/maxCatCount")
    if kind == "HAAR" and categories != 0 or kind == "LBP" and categories != 256:
        raise ConversionError(f"maxCatCount {categories} does not fit a {kind} cascade")
    subset_words = (categories + 31) // 32
    node_step = 3 + (subset_words if categories > 0 else 1)

    features = cascade.find("features")
    if features is None or len(features) == 0:
        raise ConversionError("no features")
    feature_rows = [read_haar_feature(f, i, width, height) if kind == "HAAR" else read_lbp_feature(f, i, width, height)
                    for i, f in enumerate(features)]

    stages, trees, nodes, leaves, subsets = [], [], [], [], []
    max_nodes = 0
    stage_elements = cascade.find("stages")
    if stage_elements is None or len(stage_elements) == 0:
        raise ConversionError("no stages")
    for si, stage in enumerate(stage_elements):
        where = f"stage {si}"
        threshold = float32(float32(numbers(stage.find("stageThreshold"), where + " stageThreshold")[0]) - float32(THRESHOLD_EPS))
        weak = stage.find("weakClassifiers")
        if weak is None or len(weak) == 0:
            raise ConversionError(where + " has no weak classifiers")
        stages.append((len(trees), len(weak), fixed(threshold, LEAF_SHIFT)))
        for ti, tree in enumerate(weak):
            where = f"stage {si} tree {ti}"
            internal = numbers(tree.find("internalNodes"), where + " internalNodes")
            leaf_values = numbers(tree.find("leafValues"), where + " leafValues")
            if len(internal) % node_step != 0:
                raise ConversionError(f"{where}: internalNodes has {len(internal)} numbers, not a multiple of {node_step}")
            count = len(internal) // node_step
            if count > 32767:
                raise ConversionError(f"{where}: {count} nodes, more than the int16 children can index")
            if len(leaf_values) != count + 1:
                raise ConversionError(f"{where}: {len(leaf_values)} leaf values for {count} nodes, expected {count + 1}")
            trees.append((len(nodes), len(leaves)))
            max_nodes = max(max_nodes, count)
            for ni in range(count):
                row = internal[ni * node_step:(ni + 1) * node_step]
                left, right, feature = (int(v) for v in row[:3])
                for child in (left, right):
                    # Children come after their parent, so the walk ends; leaves are 0, -1, ... -count.
                    if child > 0 and not ni < child < count or child <= 0 and -child > count:
                        raise ConversionError(f"{where} node {ni}: child {child} is not a later node or a leaf")
                if not 0 <= feature < len(feature_rows):
                    raise ConversionError(f"{where} node {ni}: feature {feature} does not exist ({len(feature_rows)} features)")
                if kind == "HAAR":
                    value = float32(row[3])
                    if abs(value) >= MAX_NODE_THRESHOLD:
                        raise ConversionError(f"{where} node {ni}: threshold {value} is out of range")
                    nodes.append((feature, left, right, fixed(value, NODE_SHIFT)))
                else:
                    nodes.append((feature, left, right, 0))
                    subsets.extend(int(v) for v in row[3:])  # node n's subset: words 8n..8n+7
            for value in leaf_values:
                value = float32(value)
                if abs(value) >= MAX_LEAF:
                    raise ConversionError(f"{where}: leaf value {value} is out of range")
                leaves.append(fixed(value, LEAF_SHIFT))
    for word in subsets:
        if not -(1 << 31) <= word < (1 << 31):
            raise ConversionError(f"LBP subset word {word} does not fit 32 bits")
    return dict(kind=kind, width=width, height=height, stages=stages, trees=trees, nodes=nodes,
                leaves=leaves, features=feature_rows, subsets=subsets, max_nodes=max_nodes)


def read_haar_feature(feature, index, width, height):
    where = f"feature {index}"
    tilted = feature.find("tilted")
    if tilted is not None and numbers(tilted, where + " tilted", int) != [0]:
        raise ConversionError(f"{where} is tilted: tilted Haar features are not supported")
    rects = feature.find("rects")
    if rects is None or not 2 <= len(rects) <= 3:
        raise ConversionError(f"{where} needs 2 or 3 rectangles")
    row, bound = [], 0
    for rect in rects:
        values = numbers(rect, where + " rectangle")
        if len(values) != 5:
            raise ConversionError(f"{where}: a rectangle needs x y width height weight, got {values}")
        x, y, w, h = (int(v) for v in values[:4])
        weight = values[4]
        if weight != int(weight) or not -127 <= weight <= 127:
            raise ConversionError(f"{where}: weight {weight} is not a small integer")
        if x < 0 or y < 0 or w <= 0 or h <= 0 or x + w > width or y + h > height:
            raise ConversionError(f"{where}: rectangle {x},{y} {w}x{h} is outside the {width}x{height} window")
        row += [x, y, w, h, int(weight)]
        bound += abs(int(weight)) * w * h * 255
    if bound >= MAX_HAAR_FEATURE:
        raise ConversionError(f"{where}: its value can reach {bound}, beyond the detector's 64-bit bound")
    return row + [0] * (15 - len(row))  # a missing third rectangle has weight 0


def read_lbp_feature(feature, index, width, height):
    where = f"feature {index}"
    values = numbers(feature.find("rect"), where + " rect", int)
    if len(values) != 4:
        raise ConversionError(f"{where}: rect needs x y width height, got {values}")
    x, y, w, h = values
    # The feature compares a 3x3 grid of w x h blocks; all of it must lie in the window.
    if x < 0 or y < 0 or w <= 0 or h <= 0 or x + 3 * w > width or y + 3 * h > height:
        raise ConversionError(f"{where}: the 3x3 grid of {w}x{h} blocks at {x},{y} is outside the {width}x{height} window")
    return values


def c_string(text):
    out = []
    for line in text.split("\n"):
        escaped = line.replace("\\", "\\\\").replace('"', '\\"').replace("??", "?\\?")
        out.append(f'"{escaped}\\n"')
    return "\n    ".join(out)


def c_array(c_type, name, values, per_line=12):
    if not values:
        return f"static const {c_type} {name}[1] = {{0}};\n"
    lines = []
    for start in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[start:start + per_line]) + ",")
    return f"static const {c_type} {name}[{len(values)}] = {{\n" + "\n".join(lines) + "\n};\n"


def int64_literal(value):
    # INT64_MIN cannot be written as a literal; these values are far from it.
    return f"INT64_C({value})"


def render(name, source, cascade, licence):
    prefix = "cascade_" + name
    out = [f"/* {name}: from {source} */\n"]
    out.append(c_array("struct vigil_cascade_stage", prefix + "_stages",
                       [f"{{{first}, {count}, {int64_literal(threshold)}}}" for first, count, threshold in cascade["stages"]], 4))
    out.append(c_array("struct vigil_cascade_tree", prefix + "_trees",
                       [f"{{{node}, {leaf}}}" for node, leaf in cascade["trees"]], 8))
    out.append(c_array("struct vigil_cascade_node", prefix + "_nodes",
                       [f"{{{f}, {l}, {r}, {int64_literal(t)}}}" for f, l, r, t in cascade["nodes"]], 3))
    out.append(c_array("int64_t", prefix + "_leaves", [int64_literal(v) for v in cascade["leaves"]], 4))
    out.append(c_array("int8_t", prefix + "_features", [v for row in cascade["features"] for v in row], 15))
    out.append(c_array("int32_t", prefix + "_subsets", cascade["subsets"], 8))
    out.append(f"static const char {prefix}_licence[] =\n    {c_string(licence)};\n")
    kind = "VIGIL_CASCADE_HAAR" if cascade["kind"] == "HAAR" else "VIGIL_CASCADE_LBP"
    out.append(f"""static const struct vigil_cascade {prefix} = {{
    "{name}", "{source}", {prefix}_licence, {kind}, {cascade['width']}, {cascade['height']}, {cascade['max_nodes']},
    {len(cascade['stages'])}, {len(cascade['trees'])}, {len(cascade['nodes'])}, {len(cascade['leaves'])}, {len(cascade['features'])}, {len(cascade['subsets'])},
    {prefix}_stages, {prefix}_trees, {prefix}_nodes, {prefix}_leaves, {prefix}_features, {prefix}_subsets,
}};
""")
    return "\n".join(out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: convert-cascades.py OUTPUT.h")
    output = sys.argv[1]
    parts = ["/* Generated by scripts/convert-cascades.py from Debian's opencv-data package; do not edit,\n"
             " * do not commit (the models are third-party data; their licences are in each *_licence string). */\n"
             "#include <stdint.h>\n\n"]
    for name, relative in CASCADES:
        path = os.path.join(OPENCV_DATA, relative)
        if not os.path.exists(path):
            sys.exit(f"convert-cascades: {path} is missing: install Debian's opencv-data package "
                     "(scripts/install-deps.sh, or apt-get install opencv-data)")
        try:
            cascade = read_cascade(path)
            licence = licence_comment(path)
        except ConversionError as error:
            sys.exit(f"convert-cascades: {path}: {error}; vigil cannot be built with this cascade "
                     "(reinstall opencv-data, or remove the cascade from CASCADES in scripts/convert-cascades.py)")
        except ET.ParseError as error:
            sys.exit(f"convert-cascades: {path}: not well-formed XML ({error}); reinstall opencv-data")
        parts.append(render(name, relative, cascade, licence))
    parts.append("static const struct vigil_cascade *const vigil_cascade_table[] = {\n"
                 + "".join(f"    &cascade_{name},\n" for name, _ in CASCADES) + "};\n")
    text = "\n".join(parts)
    try:
        with open(output, encoding="utf-8") as file:
            if file.read() == text:
                return
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    with open(output + ".part", "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(output + ".part", output)
    print(f"convert-cascades: wrote {output} ({len(CASCADES)} cascades)")


if __name__ == "__main__":
    main()
