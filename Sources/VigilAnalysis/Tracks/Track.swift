import VigilCore

/// One object followed across frames.
public struct Track: Equatable, Sendable {
    public internal(set) var id: Int
    public internal(set) var box: Box
    /// Centroid in 1/16 pixel, and its change per frame (smoothed), also in 1/16 pixel.
    public internal(set) var centroidX16: Int
    public internal(set) var centroidY16: Int
    public internal(set) var velocityX16: Int = 0
    public internal(set) var velocityY16: Int = 0
    public internal(set) var area: Int
    public internal(set) var orientationDegrees: Int
    public internal(set) var elongationPercent: Int
    /// Frames since the track began, and since it was last matched to a blob.
    public internal(set) var age = 0
    public internal(set) var missed = 0
    /// Consecutive frames in which the centroid moved less than a pixel.
    public internal(set) var stillFrames = 0
    /// True while another track's blob covers this one (a merge): it is held, not updated.
    public internal(set) var occluded = false
}
