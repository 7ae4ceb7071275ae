package org.corpusanalytics.transforms.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * Converts the report's rows to Avro records for Parquet, with proper logical types: {@code date}
 * for dates and {@code timestamp-millis} for instants, so DuckDB, Spark and pandas read real dates.
 */
public final class AvroRows {
  private AvroRows() {}

  public static Schema avroSchema(String tableName, org.apache.beam.sdk.schemas.Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (org.apache.beam.sdk.schemas.Schema.Field f : schema.getFields()) {
      Schema type = avroType(f.getType());
      if (f.getType().getNullable()) {
        type = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
      }
      fields.add(new Schema.Field(f.getName(), type, null, (Object) null));
    }
    return Schema.createRecord(tableName, null, "org.corpusanalytics.tables", false, fields);
  }

  private static Schema avroType(org.apache.beam.sdk.schemas.Schema.FieldType type) {
    switch (type.getTypeName()) {
      case STRING:
        return Schema.create(Schema.Type.STRING);
      case INT64:
        return Schema.create(Schema.Type.LONG);
      case INT32:
        return Schema.create(Schema.Type.INT);
      case DOUBLE:
        return Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN:
        return Schema.create(Schema.Type.BOOLEAN);
      case DATETIME:
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case LOGICAL_TYPE:
        if (type.getLogicalType().getIdentifier().equals(
            org.apache.beam.sdk.schemas.logicaltypes.SqlTypes.DATE.getIdentifier())) {
          return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException("no Parquet mapping for column type " + type);
  }

  public static GenericRecord toRecord(Row row, Schema avroSchema) {
    GenericData.Record record = new GenericData.Record(avroSchema);
    for (int i = 0; i < row.getFieldCount(); i++) {
      Object value = row.getValue(i);
      if (value instanceof LocalDate) {
        value = (int) ((LocalDate) value).toEpochDay();
      } else if (value instanceof ReadableInstant) {
        value = ((ReadableInstant) value).getMillis();
      }
      record.put(i, value);
    }
    return record;
  }
}
