"""The simulated central platform (a server of the platform contract) for development and tests."""
