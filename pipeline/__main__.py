"""`python -m pipeline` is the `zhengce` command."""
import sys

from pipeline.cli import main

sys.exit(main())
