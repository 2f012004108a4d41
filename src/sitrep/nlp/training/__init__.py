"""Training recipe for sitrep's shipped English spaCy pipeline (see docs/model.md).

Modules: ``conllu`` (UD CoNLL-U -> Doc, GUM genres and entities), ``iob``
(UNER / CoNLL-2003 IOB2), ``re3d`` (Dstl re3d JSON), ``labels`` (NER label
mapping, GPE/LOC split), ``corpora`` (DocBin building), ``train`` (spacy train
runs and assembly), ``accurate`` (the accurate variant's recipe) with ``network`` (its
network and loss, importable with torch alone); configs in ``configs/*.cfg``.
"""
