"""Camera HAL: an OpenCV capture driver with latest-frame semantics, face-quality capture,
document capture, and a simulator that serves fixture images through the same driver."""
