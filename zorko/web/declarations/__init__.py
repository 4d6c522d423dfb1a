"""Pages of the declarations area: campaign, import, manual entry, the справка, documents."""
