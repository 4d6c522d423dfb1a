"""Home page, background-job progress and the 403/404/500 pages."""
