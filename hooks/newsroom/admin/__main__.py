"""`python -m newsroom.admin LOCK FOLDER`: fetch and verify the admin page's npm packages (`make admin`)."""

import sys

from .packages import main

sys.exit(main())
