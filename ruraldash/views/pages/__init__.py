"""What each page shows: one module per page script in pages/, named as it is."""
