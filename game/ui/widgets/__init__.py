"""Custom-drawn surfaces: the whip-count grid, the Council chamber, the tally bar."""
