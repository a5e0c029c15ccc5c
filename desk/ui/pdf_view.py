"""Showing and printing the PDF documents of ``reports/``: pages rendered by PDFium."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

POINTS_PER_INCH = 72
PRINT_DPI_CEILING = 300  # finer than a laser page or a thermal head shows; 1200 dpi would be 400 MB an A4 page


def page_images(pdf: bytes, dpi: float) -> Iterator[QImage]:
    """Each page of ``pdf`` as an image at ``dpi``."""
    import pypdfium2 as pdfium  # loaded ahead of need by MainWindow, off the GUI thread

    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            yield image.copy()  # the bitmap's memory goes with the page
            page.close()
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page onto ``printer`` at its resolution; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages = 0
    resolution = printer.resolution()
    try:
        for image in page_images(pdf, min(resolution, PRINT_DPI_CEILING)):
            if pages:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(resolution)
            drawn = image.size() * (resolution / min(resolution, PRINT_DPI_CEILING))
            scaled = drawn.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
            pages += 1
    finally:
        painter.end()
    return pages


class PdfPreview(QScrollArea):
    """The pages one under the other, as the family will get them; a page wider than the window
    (an A4 page in a ticket-sized window) is shown smaller, to the window's width, never cut."""

    def __init__(self, parent: QWidget | None = None, dpi: float = 96) -> None:
        super().__init__(parent)
        self.dpi = dpi
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._content = QWidget(self)
        self._pages = QVBoxLayout(self._content)
        self._pages.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._content)
        self.page_count = 0
        self._images: list[QImage] = []
        self._labels: list[QLabel] = []

    def show_pdf(self, pdf: bytes) -> None:
        while self._pages.count():
            item = self._pages.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.page_count = 0
        self._images, self._labels = [], []
        for image in page_images(pdf, self.dpi):
            label = QLabel(self._content)
            label.setObjectName(f"pdfPage{self.page_count}")
            label.setStyleSheet("border: 1px solid #c9d3df; background: white;")
            self._pages.addWidget(label)
            self._images.append(image)
            self._labels.append(label)
            self.page_count += 1
        self._fit()

    def page_width(self) -> int:
        """The width the pages may take: the window's, less the margins and a vertical scroll bar kept aside
        (so that a scroll bar coming or going never makes the pages change size again)."""
        margins = self._pages.contentsMargins()
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        return max(50, self.width() - frame - bar - margins.left() - margins.right() - 2)

    def _fit(self) -> None:
        width = self.page_width()
        for image, label in zip(self._images, self._labels, strict=True):
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._images:
            self._fit()
