"""Paying a matter's fees at the terminal (统一公共支付): wallet codes, money, the cashier."""
