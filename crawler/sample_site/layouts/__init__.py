"""Page templates. Each module offers one class with the same drawing methods:
``document``, ``home``, ``listing``, ``article`` and ``simple`` (all return HTML text).

``cms`` and ``html5`` are the two looks of the standard site, mixed page by page;
``redesign`` is the relaunch that a label/date-pattern parser cannot read.
"""

from crawler.sample_site.layouts.cms import CmsLayout
from crawler.sample_site.layouts.html5 import Html5Layout
from crawler.sample_site.layouts.redesign import RedesignLayout

LAYOUTS = {"cms": CmsLayout(), "html5": Html5Layout(), "redesign": RedesignLayout()}
