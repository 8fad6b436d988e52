import VigilCore
import VigilDevices

/// A clip's luma planes, all in memory before any timing, so that decoding is not measured.
struct PreloadedClip {
    let path: String
    let header: Y4MHeader
    let lumas: [Plane]

    /// Reads up to `limit` frames of the YUV4MPEG2 file at `path`; chroma is read and dropped.
    init(path: String, limit: Int) throws(BenchError) {
        let hint = " (make one with: ffmpeg -i CLIP.mp4 -f yuv4mpegpipe -pix_fmt gray CLIP.y4m)"
        let source: FileByteSource
        do throws(DeviceError) { source = try FileByteSource(path: path) } catch {
            throw BenchError("cannot read " + path + ": " + error.message + hint)
        }
        let reader: Y4MReader<FileByteSource>
        do throws(Y4MError) { reader = try Y4MReader(source) } catch { throw BenchError(path + ": " + error.message) }
        let frame = reader.makeFrame()
        var lumas: [Plane] = []
        while lumas.count < limit {
            do throws(Y4MError) {
                guard try reader.read(into: frame) else { break }
            } catch {
                throw BenchError(path + ": " + error.message)
            }
            let luma = Plane(width: frame.luma.width, height: frame.luma.height)
            for y in 0..<luma.height { _ = luma.row(y).update(fromContentsOf: frame.luma.row(y)) }
            lumas.append(luma)
        }
        guard !lumas.isEmpty else { throw BenchError(path + ": the stream has no frame" + hint) }
        self.path = path
        header = reader.header
        self.lumas = lumas
    }

    var kilobytes: Int { lumas.count * header.width * header.height / 1024 }
}

/// Why a clip could not be measured; the program prints it and exits with status 1.
struct BenchError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
