"""Reports (Berichte): the page types and their body blocks; home/wagtail_hooks.py adds them to the site search."""
