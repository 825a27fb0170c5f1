"""The old address /compare_regions: app.py's ALIASES forward it to Compare.

Streamlit serves a fresh process's first request in its old pages/ folder mode (see
ui.leave_pages_folder_mode), running the file named by the address: without this file the
address would be "Page not found" there, an English dialog over the page the link then opens.
"""

from ruraldash import ui

ui.leave_pages_folder_mode()
