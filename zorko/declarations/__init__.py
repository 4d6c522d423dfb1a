"""Declarations (справки о доходах, расходах, об имуществе): model, .xsb intake, campaign, analysis.

No web code here: pages live in ``zorko.web.declarations``.
"""
