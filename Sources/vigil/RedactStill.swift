import VigilAppliance
import VigilCore
import VigilDevices
import VigilPrivacy

/// The largest JPEG file read; the pixel limit of the configuration is checked after it.
private let stillFileLimit = 64 << 20

extension RedactionJob {
    /// JPEG in, JPEG out. A still has no motion, so no people: faces (`StillFaceSearch` over
    /// the whole picture) and masks are what is covered.
    func redactStill(input: String, output: String) -> Int32 {
        let jpeg: [UInt8]
        do throws(DeviceError) { jpeg = try readSmallFile(input, limit: stillFileLimit) } catch { return fail(error.message) }
        let raw: RawFrame
        do throws(StillError) { raw = try JPEGStill.decode(jpeg, maximumPixels: settings.maximumImagePixels) } catch {
            return fail(input + ": " + error.message + "; no output written")
        }
        var faces: [FaceBox] = []
        if settings.policy.faces {
            let cascades = settings.stillCascadeNames.compactMap { BuiltInCascades.cascade(named: $0) }
            do throws(CascadeError) { faces = try StillFaceSearch(cascades: cascades, width: raw.width, height: raw.height).detect(raw.luma) } catch {
                return fail(error.message)
            }
        }
        let redactor = Redactor(width: raw.width, height: raw.height, policy: settings.policy, holdFrames: settings.faceHoldFrames,
                                masks: settings.maskPlane(width: raw.width, height: raw.height))
        let redacted = redactor.redact(raw, faces: faces, people: [])
        report(redactor.regions, frame: 0)
        let encoded: [UInt8]
        do throws(StillError) { encoded = try JPEGStill.encode(redacted) } catch { return fail(error.message) }
        do throws(DeviceError) {
            let file = try PartialFile(path: output)
            try file.write(encoded)
            try file.commit()
        } catch {
            return fail(error.message)
        }
        var summary = JSONLine()
        summary.add("frames", 1)
        summary.add("redact", settings.policy.description)
        summary.add("faces", faces.count)
        var line = JSONLine()
        line.add("summary", summary)
        print(line.rendered)
        return 0
    }
}
