using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCommerce.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "barcode",
                table: "variants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "compare_at_price_amount",
                table: "variants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "cost_amount",
                table: "variants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weight_grams",
                table: "variants",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "description",
                table: "products",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(5000)",
                oldMaxLength: 5000);

            migrationBuilder.AddColumn<string>(
                name: "brand",
                table: "products",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "category_ids",
                table: "products",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "options",
                table: "products",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "product_type",
                table: "products",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "publish_at",
                table: "products",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seo_description",
                table: "products",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seo_title",
                table: "products",
                type: "character varying(70)",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "products",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "draft");

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "products",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "unpublish_at",
                table: "products",
                type: "timestamp with time zone",
                nullable: true);

            // Existing products keep what they were: published ones become active, the rest drafts, and the one
            // category each had becomes its primary (and only) one.
            migrationBuilder.Sql("""
                UPDATE products SET
                    status = CASE WHEN is_published THEN 'active' ELSE 'draft' END,
                    category_ids = CASE WHEN category_id IS NULL THEN '{}' ELSE ARRAY[category_id] END,
                    options = '[]'
                """);

            // Options are derived from the variants' own options: names and values in order of first appearance.
            migrationBuilder.Sql("""
                WITH pairs AS (
                    SELECT v.product_id, t.e->>'Name' AS name, t.e->>'Value' AS value, min(v.sort_order * 10 + t.ord) AS seen
                    FROM variants v, jsonb_array_elements(v.options) WITH ORDINALITY AS t(e, ord)
                    GROUP BY v.product_id, t.e->>'Name', t.e->>'Value'),
                names AS (
                    SELECT product_id, name, min(seen) AS seen, jsonb_agg(value ORDER BY seen) AS vals
                    FROM pairs
                    GROUP BY product_id, name)
                UPDATE products p SET options = o.opts
                FROM (SELECT product_id, jsonb_agg(jsonb_build_object('Name', name, 'Values', vals) ORDER BY seen) AS opts
                      FROM names
                      GROUP BY product_id) o
                WHERE o.product_id = p.id
                """);

            migrationBuilder.DropIndex(
                name: "ix_products_published_listing",
                table: "products");

            migrationBuilder.DropColumn(
                name: "is_published",
                table: "products");

            migrationBuilder.AddCheckConstraint(
                name: "ck_variants_compare_at_not_below_price",
                table: "variants",
                sql: "compare_at_price_amount IS NULL OR compare_at_price_amount >= price_amount");

            migrationBuilder.AddCheckConstraint(
                name: "ck_variants_cost_not_negative",
                table: "variants",
                sql: "cost_amount IS NULL OR cost_amount >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_products_active_listing",
                table: "products",
                columns: new[] { "merchant_id", "id" },
                filter: "status = 'active'");

            migrationBuilder.CreateIndex(
                name: "ix_products_category_ids",
                table: "products",
                column: "category_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_products_staff_brand",
                table: "products",
                columns: new[] { "merchant_id", "brand", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_staff_listing",
                table: "products",
                columns: new[] { "merchant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_staff_status",
                table: "products",
                columns: new[] { "merchant_id", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_tags",
                table: "products",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_published",
                table: "products",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE products SET is_published = (status = 'active')");

            migrationBuilder.DropCheckConstraint(
                name: "ck_variants_compare_at_not_below_price",
                table: "variants");

            migrationBuilder.DropCheckConstraint(
                name: "ck_variants_cost_not_negative",
                table: "variants");

            migrationBuilder.DropIndex(
                name: "ix_products_active_listing",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_category_ids",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_staff_brand",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_staff_listing",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_staff_status",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_tags",
                table: "products");

            migrationBuilder.DropColumn(
                name: "barcode",
                table: "variants");

            migrationBuilder.DropColumn(
                name: "compare_at_price_amount",
                table: "variants");

            migrationBuilder.DropColumn(
                name: "cost_amount",
                table: "variants");

            migrationBuilder.DropColumn(
                name: "weight_grams",
                table: "variants");

            migrationBuilder.DropColumn(
                name: "brand",
                table: "products");

            migrationBuilder.DropColumn(
                name: "category_ids",
                table: "products");

            migrationBuilder.DropColumn(
                name: "options",
                table: "products");

            migrationBuilder.DropColumn(
                name: "product_type",
                table: "products");

            migrationBuilder.DropColumn(
                name: "publish_at",
                table: "products");

            migrationBuilder.DropColumn(
                name: "seo_description",
                table: "products");

            migrationBuilder.DropColumn(
                name: "seo_title",
                table: "products");

            migrationBuilder.DropColumn(
                name: "status",
                table: "products");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "products");

            migrationBuilder.DropColumn(
                name: "unpublish_at",
                table: "products");

            migrationBuilder.AlterColumn<string>(
                name: "description",
                table: "products",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000);

            migrationBuilder.CreateIndex(
                name: "ix_products_published_listing",
                table: "products",
                columns: new[] { "merchant_id", "id" },
                filter: "is_published");
        }
    }
}
