"""Documents the kiosk prints on A4: a matter's ``result_document`` (certificates such as
社保缴费证明) rendered to PDF with embedded Chinese fonts, a verify QR code and page numbers."""
