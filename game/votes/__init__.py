"""The vote model: features, probabilities, forecasts, calibration, explanations."""
