"""The map: the units under a place and the figure drawn over them."""
