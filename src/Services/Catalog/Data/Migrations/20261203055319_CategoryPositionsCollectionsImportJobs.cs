using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCommerce.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class CategoryPositionsCollectionsImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "categories",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: false,
                defaultValue: "");

            // Siblings get positions 0, 1, 2 ... in the order they were shown (position, then name), so a move
            // among them has an order to change.
            migrationBuilder.Sql("""
                UPDATE categories c SET sort_order = ordered.position
                FROM (SELECT id, row_number() OVER (PARTITION BY merchant_id, parent_id ORDER BY sort_order, name, id) - 1 AS position FROM categories) ordered
                WHERE c.id = ordered.id AND c.sort_order <> ordered.position;
                """);

            migrationBuilder.CreateTable(
                name: "collections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    match = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    conditions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    file_bytes = table.Column<long>(type: "bigint", nullable: false),
                    rows_total = table.Column<int>(type: "integer", nullable: false),
                    rows_done = table.Column<int>(type: "integer", nullable: false),
                    rows_failed = table.Column<int>(type: "integer", nullable: false),
                    products_created = table.Column<int>(type: "integer", nullable: false),
                    products_updated = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<string>(type: "jsonb", nullable: false),
                    failure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "collection_products",
                columns: table => new
                {
                    collection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_products", x => new { x.collection_id, x.product_id });
                    table.ForeignKey(
                        name: "fk_collection_products_collections_collection_id",
                        column: x => x.collection_id,
                        principalTable: "collections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_collection_products_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_files",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_files", x => x.job_id);
                    table.ForeignKey(
                        name: "fk_import_files_import_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "import_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_variants_product_price",
                table: "variants",
                columns: new[] { "product_id", "price_amount" });

            migrationBuilder.CreateIndex(
                name: "ix_products_product_type",
                table: "products",
                columns: new[] { "merchant_id", "product_type" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_products_collection_id_position",
                table: "collection_products",
                columns: new[] { "collection_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_collection_products_merchant_id",
                table: "collection_products",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "ix_collection_products_product_id",
                table: "collection_products",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_collections_listing",
                table: "collections",
                columns: new[] { "merchant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_collections_merchant_id",
                table: "collections",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "ix_collections_merchant_id_slug",
                table: "collections",
                columns: new[] { "merchant_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_files_merchant_id",
                table: "import_files",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_merchant_id",
                table: "import_jobs",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status",
                table: "import_jobs",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collection_products");

            migrationBuilder.DropTable(
                name: "import_files");

            migrationBuilder.DropTable(
                name: "collections");

            migrationBuilder.DropTable(
                name: "import_jobs");

            migrationBuilder.DropIndex(
                name: "ix_variants_product_price",
                table: "variants");

            migrationBuilder.DropIndex(
                name: "ix_products_product_type",
                table: "products");

            migrationBuilder.DropColumn(
                name: "description",
                table: "categories");
        }
    }
}
