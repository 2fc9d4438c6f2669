"""The report (BerichtPage) body: text and headings plus live atlas charts, maps, tables, Raumprofile
and Angebote lists, each rendered from the current data with its data state; the DGS page's video."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from angebote.blocks import AngeboteListeBlock
from portal.blocks import BaseStreamBlock, CalloutBlock, DocumentBlock, HeadingBlock
from sozialatlas.blocks import IndikatorDiagrammBlock, KarteBlock, RaumprofilBlock, WerteTabelleBlock


class BerichtStreamBlock(blocks.StreamBlock):
    # Headings are their own blocks (not inside the text), so the table of contents finds them all.
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul", "document-link"])
    diagramm = IndikatorDiagrammBlock()
    karte = KarteBlock()
    tabelle = WerteTabelleBlock()
    raumprofil = RaumprofilBlock()
    angebote = AngeboteListeBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    image = ImageBlock(label=_("Bild"))


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
