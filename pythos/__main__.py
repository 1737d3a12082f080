import sys

from .gcpause import pause_for_command, skip_final_collection

# A command's objects (the compiled program above all) live until it ends:
# the cyclic collector only costs time here (pythos/gcpause.py).
pause_for_command()

from .cli import main  # noqa: E402 - imported with the collector paused

try:
    status = main()
finally:
    skip_final_collection()
sys.exit(status)
