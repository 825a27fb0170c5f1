"""One-page briefings (简报): the view, its DOCX and PDF, their files and chart images."""
