"""Fixtures shared by the host tests of kernel modules (see fake_hardware.py
and, for the executor's tests, executor_fakes.py)."""

from .executor_fakes import keyboard_device, machine, uart
from .fake_hardware import interrupt_flag, ports

__all__ = ["interrupt_flag", "keyboard_device", "machine", "ports", "uart"]
