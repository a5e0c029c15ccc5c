"""PDF documents (ticket de règlement, récapitulatif, journal de caisse, relevé de compte).

Takes plain data, returns PDF bytes; no database session and no Qt here.
"""
