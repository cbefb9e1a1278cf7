"""The central platform: typed client, request signing, contract, and a simulated platform."""
