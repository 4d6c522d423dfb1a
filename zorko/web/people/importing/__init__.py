"""The people import page: upload, preview, confirm (a background job), XLSX templates."""
