"""After applying: what a scanned code is (a receipt's progress QR or something else), an
application's progress as the screens show it, and the correction (补齐补正) of an
application that awaits one. Qt-free; the flow and the UI build on it."""
