"""Rendering a PDF must not weaken the checks on uploaded images."""

from __future__ import annotations

from PIL import ImageFile

from olievlek.site.pdf import render_pdf


def test_a_pdf_is_rendered_from_the_template_alone():
    pdf = render_pdf(
        "<h1>Voortgang</h1><svg width='10' height='10'><rect width='5' height='5'/></svg>"
    )
    assert pdf.startswith(b"%PDF")


def test_a_reference_to_another_host_is_left_out_not_fetched(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the PDF renderer opened a connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    pdf = render_pdf('<p>Hallo</p><img src="https://elders.example/x.png" alt="">')
    assert pdf.startswith(b"%PDF")


def test_rendering_a_pdf_leaves_truncated_images_refused():
    render_pdf("<p>Hallo</p>")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
