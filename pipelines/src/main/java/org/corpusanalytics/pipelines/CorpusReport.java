package org.corpusanalytics.pipelines;
public class CorpusReport { public static void main(String[] a) {} }
