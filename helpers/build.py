"""``python -m helpers.build``: execute every notebook and render the site (see :mod:`helpers.report.build`)."""
from helpers.report.build import main

if __name__ == "__main__":
    raise SystemExit(main())
