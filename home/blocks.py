"""The DGS page's video (the report body is in home/berichte/blocks.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import BaseStreamBlock


class VideoBlock(blocks.StructBlock):
    """A self-hosted video (a document in Wagtail's library) with a WebVTT captions track and a transcript:
    no third-party player, nothing requested from anyone but this site."""

    titel = blocks.CharBlock(label=_("Titel"))
    video = DocumentChooserBlock(label=_("Videodatei (WebM oder MP4)"))
    untertitel = DocumentChooserBlock(label=_("Untertitel (WebVTT-Datei, .vtt)"))
    untertitel_sprache = blocks.CharBlock(label=_("Sprache der Untertitel (z. B. de)"), default="de", max_length=8)
    transkript = blocks.RichTextBlock(label=_("Transkript"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video mit Untertiteln")


class GebaerdenspracheStreamBlock(BaseStreamBlock):
    video = VideoBlock()
