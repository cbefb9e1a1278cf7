"""Seed data of the simulated platform: the service catalogue (事项目录, 办事指南, 一件事) and
the fixture persons' electronic licences. Use :mod:`.catalogue`."""
