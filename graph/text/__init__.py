"""Text analysis that every later stage shares: tokens and sentences with exact offsets
(``segment``, one owned jieba tokenizer), the analysis script (``script``) and dates (``dates``)."""
