"""Genuine small files for upload and rendering tests, made on the fly (Pillow comes with WeasyPrint)."""

import io

from PIL import Image
from pypdf import PdfWriter


def pdf() -> bytes:
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=72, height=72)
    writer.write(out)
    return out.getvalue()


def image(fmt: str = "PNG", size: tuple[int, int] = (1, 1), colour=(11, 83, 148)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    return out.getvalue()


def png(size: tuple[int, int] = (1, 1)) -> bytes:
    return image("PNG", size)


def jpeg(size: tuple[int, int] = (1, 1)) -> bytes:
    return image("JPEG", size)
