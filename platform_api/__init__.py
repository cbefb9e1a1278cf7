"""What the kiosk and the central platform share across the wire: the contract
(``platform-api.yaml`` and validation against its schemas) and request signing."""
