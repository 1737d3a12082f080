import sys

from .cli import main
from .gcpause import skip_final_collection

try:
    status = main()
finally:
    skip_final_collection()
sys.exit(status)
