/**
 * Text layer: plain-Java normalization of article bodies ({@link
 * org.corpusanalytics.transforms.text.TextNormalizer}), offsets back to the original text ({@link
 * org.corpusanalytics.transforms.text.NormalizedText}) and sentence splitting ({@link
 * org.corpusanalytics.transforms.text.SentenceSplitter}). No Beam types here, so everything is unit
 * testable and cheap to call once per article.
 */
package org.corpusanalytics.transforms.text;
