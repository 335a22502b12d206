using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCommerce.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_variants_product_id",
                table: "variants");

            migrationBuilder.CreateIndex(
                name: "ix_variants_product_id_sort_order",
                table: "variants",
                columns: new[] { "product_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_products_published_listing",
                table: "products",
                columns: new[] { "merchant_id", "id" },
                filter: "is_published");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_variants_product_id_sort_order",
                table: "variants");

            migrationBuilder.DropIndex(
                name: "ix_products_published_listing",
                table: "products");

            migrationBuilder.CreateIndex(
                name: "ix_variants_product_id",
                table: "variants",
                column: "product_id");
        }
    }
}
