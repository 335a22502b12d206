using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCommerce.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class VariantStockAndStaffOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "variant_stock",
                columns: table => new
                {
                    variant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity_available = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_stock", x => x.variant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_products_staff_title",
                table: "products",
                columns: new[] { "merchant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_products_staff_updated",
                table: "products",
                columns: new[] { "merchant_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_variant_stock_merchant_id",
                table: "variant_stock",
                column: "merchant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "variant_stock");

            migrationBuilder.DropIndex(
                name: "ix_products_staff_title",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_products_staff_updated",
                table: "products");
        }
    }
}
