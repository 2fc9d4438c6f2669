"""The report (BerichtPage) body: text and headings plus live atlas charts, maps, tables, Raumprofile
and Angebote lists, each rendered from the current data with its data state."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from angebote.blocks import AngeboteListeBlock
from portal.blocks import CalloutBlock, DocumentBlock, HeadingBlock
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
