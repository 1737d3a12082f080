"""Fixtures shared by the host tests of kernel modules (see fake_hardware.py)."""

from .fake_hardware import interrupt_flag, ports

__all__ = ["interrupt_flag", "ports"]
