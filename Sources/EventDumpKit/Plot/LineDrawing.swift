// LineDrawing.swift: the points of a straight line on a grid, for the terminal and PNG charts.

/// Bresenham's line algorithm.
enum LineDrawing {
    /// Calls `plot` with every grid point of the line from `a` to `b`, both ends included, at most
    /// `maximumPoints` of them (a guard against a line between far-off points).
    static func forEachPoint(
        from a: (Int, Int),
        to b: (Int, Int),
        maximumPoints: Int = 100_000,
        _ plot: (Int, Int) -> Void
    ) {
        var (x, y) = a
        let (x1, y1) = b
        let dx = abs(x1 - x)
        let dy = -abs(y1 - y)
        let sx = x < x1 ? 1 : -1
        let sy = y < y1 ? 1 : -1
        var error = dx + dy
        for _ in 0..<maximumPoints {
            plot(x, y)
            if x == x1 && y == y1 { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += sx
            }
            if doubled <= dx {
                error += dx
                y += sy
            }
        }
    }
}
