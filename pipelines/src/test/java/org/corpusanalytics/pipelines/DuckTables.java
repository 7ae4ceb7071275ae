package org.corpusanalytics.pipelines;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the report's output tables with DuckDB, the way users do. */
final class DuckTables {
  private DuckTables() {}

  /**
   * A table's files as written. DuckDB would add a {@code run_date} column on its own for a path
   * inside {@code run_date=...}, so hive partitioning is turned off.
   */
  static String source(Path outputDir, String table, String format) {
    String glob = outputDir.resolve(table).toString() + "/*." + format;
    return format.equals("parquet")
        ? "read_parquet('" + glob + "', hive_partitioning = false)"
        : "read_csv('" + glob + "', header = true, hive_partitioning = false)";
  }

  /** Every row of a table, each cell as text (null stays null), sorted for comparison. */
  static List<List<String>> rows(Path outputDir, String table, String format, String... columns) {
    String select = columns.length == 0 ? "*" : String.join(", ", columns);
    List<List<String>> rows = query("SELECT " + select + " FROM " + source(outputDir, table, format));
    rows.sort((a, b) -> String.join("\u0001", nonNull(a)).compareTo(String.join("\u0001", nonNull(b))));
    return rows;
  }

  /** Column name to DuckDB type of a table. */
  static Map<String, String> types(Path outputDir, String table, String format) {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<String> row :
        query("DESCRIBE SELECT * FROM " + source(outputDir, table, format))) {
      types.put(row.get(0), row.get(1));
    }
    return types;
  }

  static List<List<String>> query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v == null ? null : v.toString());
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static long count(Path outputDir, String table, String format, String where) {
    return Long.parseLong(
        query("SELECT count(*) FROM " + source(outputDir, table, format) + " WHERE " + where)
            .get(0)
            .get(0));
  }

  private static List<String> nonNull(List<String> row) {
    List<String> out = new ArrayList<>();
    for (String s : row) {
      out.add(s == null ? "\u0000" : s);
    }
    return out;
  }
}
