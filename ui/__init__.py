"""Touch UI: Qt Quick screens and the Python view-models that bridge them to the kiosk."""
