using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCommerce.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductMedia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "image_id",
                table: "variants",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "product_media",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    alt = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    byte_size = table.Column<long>(type: "bigint", nullable: false),
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_media", x => x.id);
                    table.CheckConstraint("ck_product_media_size_positive", "width > 0 AND height > 0 AND byte_size > 0");
                    table.ForeignKey(
                        name: "fk_product_media_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_variants_image_id",
                table: "variants",
                column: "image_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_media_merchant_id",
                table: "product_media",
                column: "merchant_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_media_product_id_position",
                table: "product_media",
                columns: new[] { "product_id", "position" });

            migrationBuilder.AddForeignKey(
                name: "fk_variants_media_image_id",
                table: "variants",
                column: "image_id",
                principalTable: "product_media",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_variants_media_image_id",
                table: "variants");

            migrationBuilder.DropTable(
                name: "product_media");

            migrationBuilder.DropIndex(
                name: "ix_variants_image_id",
                table: "variants");

            migrationBuilder.DropColumn(
                name: "image_id",
                table: "variants");
        }
    }
}
